/**
 * After-sales (售后) for the asker's pages: ask, read, cancel, send the goods back (the `order`
 * function), and the photos uploaded to cloud storage first. Every failure stays a Result whose
 * `message` is the Chinese text to show.
 */
import type { AfterSaleView } from '@domain/contracts';
import type { AfterSaleReason, AfterSaleStatus, AfterSaleType } from '@domain/afterSale/types';
import { failureMessage } from '@domain/errorCatalogue';
import { fail, type Result } from '@domain/result';
import { uploadCloudFile } from '@/platform/cloudFile';
import { callCloud } from './cloud';

const withMessage = <T>(result: Result<T>): Result<T> =>
  result.ok ? result : fail(result.code, failureMessage(result));

export interface AfterSaleApplication {
  orderId: string;
  type: AfterSaleType;
  reason: AfterSaleReason;
  description: string;
  /** cloud:// file ids */
  photos: string[];
}

export async function requestAfterSale(
  application: AfterSaleApplication,
): Promise<Result<{ afterSaleId: string; status: AfterSaleStatus }>> {
  const { orderId, type, reason, description, photos } = application;
  return withMessage(
    await callCloud('order', {
      action: 'requestAfterSale',
      orderId,
      type,
      reason,
      ...(description.trim() ? { description } : {}),
      ...(photos.length > 0 ? { photos } : {}),
    }),
  );
}

export async function getAfterSale(afterSaleId: string): Promise<Result<AfterSaleView>> {
  return withMessage(await callCloud('order', { action: 'getAfterSale', afterSaleId }));
}

export async function cancelAfterSale(afterSaleId: string): Promise<Result<AfterSaleView>> {
  return withMessage(await callCloud('order', { action: 'cancelAfterSale', afterSaleId }));
}

export async function submitReturnShipping(
  afterSaleId: string,
  expressCompany: string,
  trackingNo: string,
): Promise<Result<AfterSaleView>> {
  return withMessage(
    await callCloud('order', { action: 'submitReturnShipping', afterSaleId, expressCompany, trackingNo }),
  );
}

/** Uploads one photo of the problem; its file id, or null when the upload failed. */
export async function uploadAfterSalePhoto(orderId: string, filePath: string, index: number): Promise<string | null> {
  const outcome = await uploadCloudFile({ cloudPath: `after-sales/${orderId}/${Date.now()}-${index}.jpg`, filePath });
  return outcome.ok ? outcome.fileID : null;
}
