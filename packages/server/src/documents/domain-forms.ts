/*
 * The form templates of the domain package. packages/domain/src/index.ts does not re-export
 * ./forms yet (that file belongs to another change); once it does, replace this file's users'
 * imports with "@linxuan/domain" and delete it.
 */
export * from "../../../domain/src/forms";
