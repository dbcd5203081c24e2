export function loadEnvFiles(): void;
export const DEFAULT_DATABASE_URL: string;
export function isPostgresUrl(url: string): boolean;
