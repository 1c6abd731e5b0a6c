import { sampleFiles } from "@/lib/testing/sample-files";
import { makeTicket } from "@/lib/testing/support-fixtures";
import {
  attachToTicketEndpoint,
  closeTicketEndpoint,
  getTicketEndpoint,
  listTicketsEndpoint,
  openTicketEndpoint,
  replyToTicketEndpoint,
} from "../endpoints/tickets";
import type { MatrixCase } from "../testing/matrix-case";

const owned = (ticket: { id: string; subject: string }) => [ticket.id, ticket.subject];

// A suspended agreement (R9) makes the portal read-only, but not its support tickets: a suspended
// partner can still write to support (lib/tickets uses assertCan, not assertCanChange), and so can its keys.
export default [
  {
    endpoint: listTicketsEndpoint,
    foreign: "empty",
    prepare: async (prisma, tenant) => ({ call: {}, owned: owned(await makeTicket(prisma, tenant, tenant.pbx.id)) }),
  },
  {
    endpoint: getTicketEndpoint,
    foreign: "not-found",
    prepare: async (prisma, tenant) => {
      const ticket = await makeTicket(prisma, tenant, tenant.pbx.id);
      return { call: { params: { id: ticket.id } }, owned: owned(ticket) };
    },
  },
  {
    endpoint: openTicketEndpoint,
    foreign: "not-found",
    whileSuspended: "allowed",
    prepare: async (_prisma, tenant) => ({
      call: {
        body: { category: "OTHER", pbxId: tenant.pbx.id, subject: "Matrix question", message: "Is this mine?" },
      },
      owned: [tenant.pbx.id, tenant.pbx.name, tenant.pbx.serial],
    }),
  },
  {
    endpoint: replyToTicketEndpoint,
    foreign: "not-found",
    whileSuspended: "allowed",
    prepare: async (prisma, tenant) => {
      const ticket = await makeTicket(prisma, tenant, tenant.pbx.id);
      return { call: { params: { id: ticket.id }, body: { body: "One more thing." } }, owned: owned(ticket) };
    },
  },
  {
    endpoint: attachToTicketEndpoint,
    foreign: "not-found",
    whileSuspended: "allowed",
    prepare: async (prisma, tenant) => {
      const ticket = await makeTicket(prisma, tenant, tenant.pbx.id);
      const form = new FormData();
      form.set("file", new File([sampleFiles.png()], "screenshot.png", { type: "image/png" }));
      return { call: { params: { id: ticket.id }, rawBody: form }, owned: owned(ticket) };
    },
  },
  {
    endpoint: closeTicketEndpoint,
    foreign: "not-found",
    whileSuspended: "allowed",
    prepare: async (prisma, tenant) => {
      const ticket = await makeTicket(prisma, tenant, tenant.pbx.id);
      return { call: { params: { id: ticket.id } }, owned: owned(ticket) };
    },
  },
] satisfies MatrixCase[];
