import { spawn } from 'node:child_process';

/**
 * Runs one benchmark task in its own Node process (`script` with tsx loaded
 * through --import, so memory and warm caches do not bleed between tasks) and
 * returns the JSON object it printed last; `what` names the task in errors.
 */
export function runJsonWorker<T>(script: string, args: string[], what = args[0]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${what} exited with code ${code}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as T);
      } catch {
        reject(new Error(`${what} printed no JSON result`));
      }
    });
  });
}
