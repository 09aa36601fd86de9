import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The uploaded file of a multipart request (field `file`). */
export async function uploadedFile(request: FastifyRequest): Promise<{ data: Buffer; filename: string }> {
  const file = await request.file({ limits: { fileSize: 10 * 1024 * 1024 } }).catch(() => undefined);
  if (!file) {
    throw new AppError('files/unreadable', { field: 'file' });
  }
  return { data: await file.toBuffer(), filename: file.filename };
}

export function sendXlsx(reply: FastifyReply, asciiName: string, name: string, data: Buffer) {
  return reply
    .header('content-type', XLSX)
    .header(
      'content-disposition',
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(data);
}
