// Placeholder entry point; the client is written in client/src/extension.ts.
export function activate(): void {}
export function deactivate(): void {}
