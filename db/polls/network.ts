import fs from 'node:fs';
import os from 'node:os';

/** A network interface phones in the room could reach the poll on. */
export interface NetworkChoice {
  name: string;
  address: string;
  /** The default route goes through it. */
  isDefault: boolean;
}

/** Names of interfaces that are virtual machines, containers or VPNs rather than the room's network. */
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|vethernet|utun|tun|tap|wg|zt|tailscale|ham|npcap|loopback)/i;

/** The interface of the default route in Linux's /proc/net/route (destination 00000000), if any. */
export function defaultRouteInterface(routeTable: string): string | undefined {
  let best: { name: string; metric: number } | undefined;
  for (const line of routeTable.split('\n').slice(1)) {
    const [name, destination, , flags, , , metric] = line.trim().split(/\s+/);
    if (!name || destination !== '00000000' || !(Number.parseInt(flags ?? '0', 16) & 1)) continue; // RTF_UP
    const value = Number(metric) || 0;
    if (!best || value < best.metric) best = { name, metric: value };
  }
  return best?.name;
}

const isPrivate = (address: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(address);

/**
 * The IPv4 interfaces other than loopback, the default route's first. Where the route table cannot be
 * read (Windows, macOS), the first non-virtual interface with a private address counts as the default.
 */
export function listInterfaces(
  interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces(),
  /** null: no route table to read. */
  routeTable: string | null = readRouteTable(),
): NetworkChoice[] {
  const found: Omit<NetworkChoice, 'isDefault'>[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family === 'IPv4' && !info.internal && !info.address.startsWith('169.254.')) found.push({ name, address: info.address });
    }
  }
  const routed = routeTable === null ? undefined : defaultRouteInterface(routeTable);
  const likely = (c: (typeof found)[number]) => !VIRTUAL.test(c.name) && isPrivate(c.address);
  const defaultName = routed ?? found.find(likely)?.name ?? found.find((c) => !VIRTUAL.test(c.name))?.name;
  const list = found.map((c) => ({ ...c, isDefault: c.name === defaultName }));
  return list.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
}

function readRouteTable(): string | null {
  if (process.platform !== 'linux') return null;
  try {
    return fs.readFileSync('/proc/net/route', 'utf8');
  } catch {
    return null;
  }
}

/** The chosen interface while it exists; otherwise the default route's, otherwise the first. */
export function currentInterface(list: NetworkChoice[], chosen: string | null): NetworkChoice | undefined {
  return list.find((c) => c.name === chosen) ?? list.find((c) => c.isDefault) ?? list[0];
}
