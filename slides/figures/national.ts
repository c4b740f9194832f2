// The national context: users of each strong opioid in the Netherlands over the years.
import { formatNumber } from '../format';
import type { Slide } from '../model';
import national from '../modules/opioiden/landelijke-gebruikers.json';
import { dataSlide } from './content';

export function nationalSlides(): Slide[] {
  const years = national.years.map(String);
  const palette = ['#B2182B', '#4D9221', '#762A83', '#8C6D31'];
  return [
    dataSlide(
      'landelijk-gebruikers',
      national.title,
      {
        chart: {
          type: 'line',
          categories: years,
          unit: 'gebruikers',
          series: national.substances.map((substance, index) => ({
            name: substance.name,
            role: 'neutral',
            color: palette[index % palette.length]!,
            values: substance.users,
          })),
        },
        table: {
          columns: [{ label: 'Middel' }, ...years.map((year) => ({ label: year, numeric: true }))],
          rows: national.substances.map((substance) => ({
            cells: [
              { text: substance.name },
              ...substance.users.map((users, index) => ({
                text: formatNumber(users),
                figure: { row: substance.name, indicator: 'users', period: years[index]!, value: users },
              })),
            ],
          })),
        },
        footnotes: [`Bron: ${national.source}.`, national.note],
      },
      "Oxycodon steeg tot 2018 en daalt sindsdien. Voor de stijging van morfine zijn twee verklaringen mogelijk: in de palliatieve zorg wordt morfine veel via een pomp of infuus gegeven, en door de aandacht voor de risico's van oxycodon zijn voorschrijvers mogelijk overgestapt op morfine. Fentanyl blijft vrij stabiel: het gaat vaak om langdurig gebruik waarvoor geen goed alternatief is.",
    ),
  ];
}
