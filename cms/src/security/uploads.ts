/**
 * What editors may upload: documents (PDF, Word, OpenDocument, spreadsheets) and raster images
 * (JPEG, PNG, WebP, GIF), recognised by their content (magic bytes, read by `file-type`), never by
 * their name or declared type alone. Anything else, SVG, HTML, XML and scripts above all (they can
 * carry code that a browser would run with the CMS's own origin), is refused with a message an
 * editor can act on.
 *
 * Files already stored are served with headers that keep a browser from running them
 * (middlewares/upload-headers.ts), whatever they contain.
 */
import path from 'path';
import { errors } from '@strapi/utils';

/** A kind of file by its content: what editors call it, and each name ending it may have with the type it is served as. */
type Kind = { label: string; served: Readonly<Record<string, string>>; image?: true };

/** Each accepted kind, by the MIME type `file-type` reports for its content. */
export const ACCEPTED_UPLOADS = {
  'application/pdf': { label: 'PDF', served: { '.pdf': 'application/pdf' } },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'Word',
    served: { '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  },
  'application/vnd.oasis.opendocument.text': { label: 'OpenDocument text', served: { '.odt': 'application/vnd.oasis.opendocument.text' } },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    label: 'Excel',
    served: { '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  },
  'application/vnd.oasis.opendocument.spreadsheet': { label: 'OpenDocument spreadsheet', served: { '.ods': 'application/vnd.oasis.opendocument.spreadsheet' } },
  // Word 97-2003 and Excel 97-2003 files share one container format; their name tells which.
  'application/x-cfb': { label: 'Word 97-2003 or Excel 97-2003', served: { '.doc': 'application/msword', '.xls': 'application/vnd.ms-excel' } },
  'image/jpeg': { label: 'JPEG', served: { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' }, image: true },
  'image/png': { label: 'PNG', served: { '.png': 'image/png' }, image: true },
  'image/apng': { label: 'PNG', served: { '.png': 'image/png' }, image: true },
  'image/webp': { label: 'WebP', served: { '.webp': 'image/webp' }, image: true },
  'image/gif': { label: 'GIF', served: { '.gif': 'image/gif' }, image: true },
} as const satisfies Record<string, Kind>;

type AcceptedMime = keyof typeof ACCEPTED_UPLOADS;
const isAccepted = (mime: string): mime is AcceptedMime => Object.hasOwn(ACCEPTED_UPLOADS, mime);
const kinds: Kind[] = Object.values(ACCEPTED_UPLOADS);

/** The Content-Type each accepted name ending is served with; anything else is served as bytes to download. */
export const SERVED_TYPES: Readonly<Record<string, string>> = Object.fromEntries(kinds.flatMap((kind) => Object.entries(kind.served)));

/** Name endings of the raster images, the only uploads a browser may show inline. */
export const INLINE_EXTENSIONS: ReadonlySet<string> = new Set(kinds.flatMap((kind) => (kind.image ? Object.keys(kind.served) : [])));

/** MIME types for the upload plugin's own allow-list (config/plugins.ts), a second gate behind this one. */
export const UPLOAD_ALLOWED_TYPES = [...new Set([...Object.keys(ACCEPTED_UPLOADS), ...Object.values(SERVED_TYPES)])];

const describe = (kind: Kind) => `${kind.label} (${Object.keys(kind.served).join(', ')})`;
const WHAT_IS_ACCEPTED = `You can upload these documents: ${[...new Set(kinds.filter((k) => !k.image).map(describe))].join(', ')}; and these images: ${[
  ...new Set(kinds.filter((k) => k.image).map(describe)),
].join(', ')}.`;

/** Maximum size of one upload. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** Why a well-known dangerous kind is refused, by its extension. */
const DANGEROUS: Record<string, string> = {
  '.svg': 'SVG images can contain code that would run on this site',
  '.svgz': 'SVG images can contain code that would run on this site',
  '.html': 'web pages can contain code that would run on this site',
  '.htm': 'web pages can contain code that would run on this site',
  '.xhtml': 'web pages can contain code that would run on this site',
  '.xml': 'XML files can contain code that would run on this site',
  '.js': 'scripts are never accepted',
  '.mjs': 'scripts are never accepted',
};

/** An upload as the multipart parser (formidable) hands it over. */
export type UploadedFile = { filepath?: string; path?: string; originalFilename?: string | null; name?: string; size?: number };

let fileTypeModule: Promise<typeof import('file-type')> | undefined;
// file-type is ESM-only; this CMS is compiled to CommonJS, so it is loaded with a real dynamic import.
const loadFileType = () => (fileTypeModule ??= import('file-type'));

/**
 * Throws a ValidationError (400, shown to the editor) unless the file's content is an accepted type
 * whose extensions include the file's own.
 */
export async function checkUpload(file: UploadedFile): Promise<void> {
  const name = file.originalFilename || file.name || 'The file';
  const extension = path.extname(name).toLowerCase();
  const refuse = (reason: string): never => {
    throw new errors.ValidationError(`"${name}" was not uploaded: ${reason}. ${WHAT_IS_ACCEPTED}`);
  };
  if (DANGEROUS[extension]) refuse(DANGEROUS[extension]);
  const filepath = file.filepath ?? file.path;
  if (!filepath) refuse('its content could not be read');
  const { fileTypeFromFile } = await loadFileType();
  const detected = await fileTypeFromFile(filepath!);
  if (!detected || !isAccepted(detected.mime)) refuse('its content is not one of the kinds of file this site accepts');
  const kind: Kind = ACCEPTED_UPLOADS[detected!.mime as AcceptedMime];
  if (!Object.hasOwn(kind.served, extension)) {
    refuse(
      `its content is a ${kind.label} file but its name ends in "${extension || '(nothing)'}"; rename it to end in ${Object.keys(kind.served).join(' or ')}`,
    );
  }
}
