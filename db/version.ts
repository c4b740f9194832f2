/** The app's version, shown in the UI and written into exports. Kept equal to package.json by a test. */
export const APP_VERSION = '0.1.0';
