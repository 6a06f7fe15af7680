// The roles a person may hold in an organisation; a person may hold several.
import { z } from 'zod';

export const ROLES = ['operator', 'supervisor', 'editor', 'administrator'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);
