"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/http/action";
import { ZId } from "@/lib/http/ids";
import { requestMailDelivery } from "@/lib/jobs/enqueue";
import { changeUserAccess, createUser, disableUser, enableUser, sendPasswordLink } from "@/lib/users/mutations";
import { ZAccessChange, ZNewUser } from "@/lib/users/schemas";

const ZUserId = z.object({ userId: ZId });

// The link is returned once, to the admin who made it; afterwards only its hash exists.
export const createUserAction = action(
  { permission: "users.manage", input: ZNewUser },
  async (input, { actor, db }) => {
    const { user, link, expiresAt } = await createUser(db, actor, input);
    await requestMailDelivery();
    revalidatePath("/users");
    return { id: user.id, email: user.email, link, expiresAt };
  },
);

export const changeUserAccessAction = action(
  { permission: "users.manage", input: ZAccessChange.and(ZUserId) },
  async ({ userId, ...access }, { actor, db }) => {
    await changeUserAccess(db, actor, userId, access);
    revalidatePath("/users");
  },
);

export const disableUserAction = action(
  { permission: "users.manage", input: ZUserId },
  async ({ userId }, { actor, db }) => {
    await disableUser(db, actor, userId);
    revalidatePath("/users");
  },
);

export const enableUserAction = action(
  { permission: "users.manage", input: ZUserId },
  async ({ userId }, { actor, db }) => {
    await enableUser(db, actor, userId);
    revalidatePath("/users");
  },
);

export const sendPasswordLinkAction = action(
  { permission: "users.manage", input: ZUserId },
  async ({ userId }, { actor, db }) => {
    const { link, expiresAt } = await sendPasswordLink(db, actor, userId);
    await requestMailDelivery();
    return { link, expiresAt };
  },
);
