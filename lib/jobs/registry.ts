import {
  cdrImportJob,
  cdrPartitionsJob,
  cdrDayRankingsJob,
  cdrRankingsJob,
  cdrRateJob,
  cdrRerateJob,
  cdrRetentionJob,
  cdrReratePublishedJob,
  cdrRollupsJob,
  cdrRangeRankingJob,
  cdrSevenDayRankingJob,
} from "./cdr-jobs";
import type { JobDefinition } from "./definition";
import { complianceExpiryJob } from "./compliance-expiry";
import { invoiceOverdueJob, invoiceRunBatchJob, invoiceRunDueJob, invoiceRunJob } from "./invoice-jobs";
import { mailSendJob, mailSweepJob } from "./mail-jobs";
import { numberHoldSweepJob, numberQuarantineJob } from "./number-jobs";
import { partnerTierJob } from "./partner-tier-jobs";
import { priceListNoticesJob } from "./price-list-notices";
import { serviceTermEndsJob } from "./service-term-jobs";
import { usageAlertsJob } from "./usage-alerts";
import { webhookDispatchJob } from "@/lib/webhooks/jobs";

/** Every background job the worker runs. Add a job here and it gets its queue, schedule and worker. */
export const JOBS: readonly JobDefinition<object>[] = [
  mailSendJob,
  mailSweepJob,
  complianceExpiryJob,
  cdrImportJob,
  cdrRateJob,
  cdrRerateJob,
  cdrReratePublishedJob,
  cdrRollupsJob,
  cdrDayRankingsJob,
  cdrRankingsJob,
  cdrSevenDayRankingJob,
  cdrRangeRankingJob,
  cdrPartitionsJob,
  cdrRetentionJob,
  usageAlertsJob,
  numberHoldSweepJob,
  numberQuarantineJob,
  priceListNoticesJob,
  partnerTierJob,
  serviceTermEndsJob,
  invoiceRunJob,
  invoiceRunDueJob,
  invoiceRunBatchJob,
  invoiceOverdueJob,
  webhookDispatchJob,
] as JobDefinition<object>[];
