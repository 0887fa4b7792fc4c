/**
 * Serves the web editor against a catalog folder on this machine: the /admin/
 * page with a configuration whose backend is decap-server, Decap's proxy that
 * reads and writes the folder directly. Saved records appear in the folder;
 * commit them as any other change.
 *   npm run edit [-- --catalog <dir>] [--port 8080] [--proxy-port 8081]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../src/catalog/load.ts';
import { catalogFolder } from '../src/cli/catalog-folder.ts';
import { serveStatic } from '../src/cli/static-server.ts';
import { LOCAL_PROXY_PORT } from '../src/editor/config.ts';
import { writeAdmin } from '../src/editor/write-admin.ts';

const { values } = parseArgs({ options: { catalog: { type: 'string' }, port: { type: 'string', default: '8080' }, 'proxy-port': { type: 'string', default: String(LOCAL_PROXY_PORT) } } });
const folder = resolve(catalogFolder(values.catalog));
const proxyPort = Number(values['proxy-port']);
const { settings } = loadCatalog(folder);
if (!settings) {
  console.error(`${folder}/catalog.yaml is missing or invalid: run npm run check`);
  process.exit(1);
}

const adminFolder = mkdtempSync(join(tmpdir(), 'heliograph-admin-'));
await writeAdmin(adminFolder, { projectRoot: process.cwd(), settings, target: { kind: 'local', port: proxyPort }, contentPath: '' });

const decapServer = createRequire(import.meta.url).resolve('decap-server/dist/index.js');
const proxy = spawn(process.execPath, [decapServer], {
  env: { ...process.env, PORT: String(proxyPort), BIND_HOST: '127.0.0.1', GIT_REPO_DIRECTORY: folder, MODE: 'fs', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const server = await serveStatic(adminFolder, '/admin/', Number(values.port));

function stop(code = 0): void {
  proxy.kill();
  void server.close();
  rmSync(adminFolder, { recursive: true, force: true });
  process.exit(code);
}
proxy.on('exit', (code) => {
  console.error(`decap-server stopped (exit code ${code}); is port ${proxyPort} taken? Try --proxy-port.`);
  stop(1);
});
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());
console.log(`editing ${folder}\nopen ${server.url} (saved records are written to the folder; Ctrl-C stops)`);
