// The import wizard's inputs (lib/imports), shared by the server actions and the upload route.
import { z } from "zod";
import { FIELD_IDS, KEEL_STAGES, TABLES } from "@/lib/imports/fields";

const columns = z.partialRecord(z.enum(FIELD_IDS as [string, ...string[]]), z.number().int().min(0).max(1000));

export const importSettingsSchema = z.object({
  files: z.array(z.object({
    fileId: z.uuid(),
    table: z.enum(TABLES),
    columns,
    numberStyle: z.enum(["dot", "comma"]).optional(),
  })).max(10),
  dateOrder: z.enum(["dmy", "mdy"]).nullable().default(null),
  stages: z.record(z.string().max(200), z.union([z.enum(KEEL_STAGES), z.literal("")])).default({}),
  products: z.record(z.string().max(200), z.string().max(64)).default({}),
  teams: z.record(z.string().max(200), z.string().trim().min(1, "Give the team a name.").max(120)).default({}),
});

export const runIdSchema = z.object({ runId: z.uuid({ error: "Choose an import." }) });
export const prepareImportSchema = runIdSchema.extend({ settings: importSettingsSchema.partial().nullable().default(null) });
export const startImportSchema = runIdSchema.extend({ settings: importSettingsSchema });

export const uploadQuerySchema = z.object({
  run: z.uuid().optional(),
  file: z.uuid().optional(),
  name: z.string().trim().min(1, "Give the file's name.").max(200).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  final: z.enum(["0", "1"]).default("0"),
}).refine((q) => q.file || q.name, { message: "Give the file's name.", path: ["name"] });
