/**
 * The Strapi services this app calls whose types Strapi leaves as `any` (the admin's roles, users
 * and passwords, the Content Manager's stored forms and slugs, lifecycle hooks), typed here once for
 * the parts used, so the seed code and the tests that call them read checked shapes.
 */
import type { Core, UID } from '@strapi/strapi';

/** One admin permission, as `admin::role`'s assignPermissions takes it. */
export type Permission = { action: string; subject?: string | null; properties?: { fields?: string[] }; conditions?: string[] };

export type AdminRole = { id: number; code: string; name: string; description: string | null };
export type AdminUser = { id: number; email: string; password: string | null; isActive: boolean; blocked: boolean; roles?: AdminRole[] };
export type NewAdminUser = {
  email: string;
  firstname: string;
  lastname?: string;
  password: string;
  roles: number[];
  isActive: boolean;
  registrationToken: null;
  preferedLanguage?: string;
};

/** A content type's or component's form in the admin, as the Content Manager stores it ("Configure the view"). */
export type ViewConfiguration = {
  uid?: string;
  metadatas: Record<string, { edit?: { label?: string; description?: string; visible?: boolean }; list?: { label?: string } }>;
  layouts: { list?: string[]; edit?: { name: string; size: number }[][] };
  settings: Record<string, unknown>;
};

/** The Content Manager's model of a content type or component: passed back to it, never read here. */
type StoredModel = { uid: string };

type RoleService = {
  findOne(where: { code: string } | { name: string }): Promise<AdminRole | null>;
  create(role: Omit<AdminRole, 'id'>): Promise<AdminRole>;
  update(where: { id: number }, data: Partial<Omit<AdminRole, 'id'>>): Promise<AdminRole>;
  assignPermissions(roleId: number, permissions: Permission[]): Promise<unknown>;
  getSuperAdmin(): Promise<AdminRole>;
};
type UserService = { create(user: NewAdminUser): Promise<AdminUser>; exists(attributes?: Partial<AdminUser>): Promise<boolean> };
type AuthService = { validatePassword(password: string, hash: string): Promise<boolean>; hashPassword(password: string): Promise<string> };
type ContentTypeService = { getNestedFields(model: unknown, options: { components: unknown }): string[] };

export type ContentTypesViews = {
  findContentType(uid: UID.ContentType): StoredModel | undefined;
  findConfiguration(model: StoredModel): Promise<ViewConfiguration>;
  updateConfiguration(model: StoredModel, configuration: Omit<ViewConfiguration, 'uid'>): Promise<unknown>;
};
export type ComponentsViews = {
  findComponent(uid: string): StoredModel | undefined;
  findConfiguration(model: StoredModel): Promise<ViewConfiguration>;
  updateConfiguration(model: StoredModel, configuration: Omit<ViewConfiguration, 'uid'>): Promise<unknown>;
};
type UidService = { generateUIDField(options: { contentTypeUID: UID.ContentType; field: string; data: Record<string, unknown> }): Promise<string> };

/** The admin's services: roles, users, passwords and the field lists of a content type. */
export const adminServices = (strapi: Core.Strapi) => ({
  roles: strapi.service('admin::role') as RoleService,
  users: strapi.service('admin::user') as UserService,
  auth: strapi.service('admin::auth') as AuthService,
  contentTypes: strapi.service('admin::content-type') as ContentTypeService,
});

/** The Content Manager's services, when the plugin is there. */
export function contentManager(strapi: Core.Strapi) {
  const plugin = strapi.plugin('content-manager') as Core.Plugin | undefined;
  if (!plugin) return undefined;
  return {
    contentTypes: plugin.service<ContentTypesViews>('content-types'),
    components: plugin.service<ComponentsViews>('components'),
    uid: plugin.service<UidService>('uid'),
  };
}

/** A lifecycle hook of Strapi's (e.g. `strapi::content-types.beforeSync`). */
export const strapiHook = (strapi: Core.Strapi, name: string) => strapi.hook(name) as { register(handler: () => Promise<void>): void };

/** What `strapi.db.transaction` hands its callback (Strapi types it as any). */
export type TransactionContext = { onCommit: (callback: () => void) => void; trx: Core.Strapi['db']['connection'] };

/** Koa's `next` as the middlewares here use it: they pass its promise on and never read its value (Koa types it Promise<any>). */
export type Next = () => Promise<void>;
