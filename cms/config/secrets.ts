/**
 * Secrets come from the environment. Outside production, fixed development
 * values stand in so a fresh clone starts with no set-up; in production a
 * missing secret stops the server with a message naming the variable.
 */
const DEV_SECRETS: Record<string, string> = {
  APP_KEYS: 'dev-app-key-1-not-for-production,dev-app-key-2-not-for-production',
  API_TOKEN_SALT: 'dev-api-token-salt-not-for-production',
  ADMIN_JWT_SECRET: 'dev-admin-jwt-secret-not-for-production',
  TRANSFER_TOKEN_SALT: 'dev-transfer-token-salt-not-for-production',
  ENCRYPTION_KEY: 'dev-encryption-key-not-for-production',
};

/** The secrets production needs from its environment. */
export const SECRET_NAMES = Object.keys(DEV_SECRETS);

export const isProduction = () => process.env.NODE_ENV === 'production';

/**
 * Whether this process is `strapi build`, which reads the configuration to bundle the admin but
 * signs, hashes and encrypts nothing: a build (in a container image, say) needs no secrets.
 */
export const isAdminBuild = (argv: readonly string[] = process.argv) => argv[2] === 'build' && /strapi(\.js)?$/.test(argv[1] ?? '');

export function secret(name: keyof typeof DEV_SECRETS): string {
  const value = process.env[name];
  if (value && value.trim() !== '') return value;
  if (isAdminBuild()) return `${name.toLowerCase()}-unused-by-the-admin-build`;
  if (isProduction()) {
    throw new Error(`${name} is not set. In production every secret must come from the environment ` + `(see README "Running in production").`);
  }
  return DEV_SECRETS[name];
}
