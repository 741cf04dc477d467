export function prepareSuiteWorkspace(ws: string): void;
