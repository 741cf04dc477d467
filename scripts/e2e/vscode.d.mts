export declare const LAUNCHER: string;
export interface VSCodeChoice {
  kind: 'download' | 'code-server';
  why: string;
}
export declare function chooseVSCode(env?: NodeJS.ProcessEnv, probe?: string, timeoutMs?: number): Promise<VSCodeChoice>;
export declare function runSuite(o: {
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  folder: string;
  userDataDir: string;
  env?: Record<string, string>;
  stdout?: { write(chunk: unknown): unknown };
  stderr?: { write(chunk: unknown): unknown };
  vscode?: VSCodeChoice;
}): Promise<number>;
