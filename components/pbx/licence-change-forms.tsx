"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { formatDate, LICENSE_PLAN_LABEL } from "@/lib/format";
import {
  LICENCE_PLANS,
  LICENSING_LABEL,
  LICENSINGS,
  RECURRING_PLANS,
  ZPlanChange,
  ZRenewal,
  ZSoftwareUpdate,
  ZUsersChange,
  type LevelCounts,
  type TPlanChangeInput,
  type TRenewalInput,
  type TSoftwareUpdateInput,
  type TUsersChangeInput,
  type LicencePlan,
  type Licensing,
} from "@/lib/pbx/schemas";
import { MINIMUM_PBX_VERSION } from "@/lib/activations/eligibility";
import { LicenceChangeDialog } from "./licence-change-dialog";
import { LicenceLevelFields } from "./licence-level-fields";

/** What the Licence tab's forms start from (`pbxLicence`'s values). */
export interface LicenceFormsProps {
  pbxId: string;
  licensePlan: LicencePlan;
  licensing: Licensing;
  softwareVersion: string;
  users: LevelCounts;
  defaults: {
    today: string;
    termStart: string;
    currentExpiry: string;
    renewalEnds: Record<(typeof RECURRING_PLANS)[number], string>;
  };
}

/** The four licence changes, each a dialog that shows what it will do and charge before it is confirmed. */
export function LicenceChangeForms(props: LicenceFormsProps) {
  return (
    <div className="flex flex-wrap gap-2">
      {props.licensePlan !== "LIFETIME" && props.defaults.currentExpiry && <RenewalDialog {...props} />}
      <UsersDialog {...props} />
      <PlanDialog {...props} />
      <SoftwareDialog {...props} />
    </div>
  );
}

function RenewalDialog({ pbxId, licensePlan, defaults }: LicenceFormsProps) {
  const plan = licensePlan as (typeof RECURRING_PLANS)[number];
  const initial: TRenewalInput = {
    kind: "renewal",
    pbxId,
    currentExpiry: defaults.currentExpiry,
    termEnd: defaults.renewalEnds[plan],
    licensePlan: "",
  };
  const form = useForm({ resolver: zodResolver(ZRenewal), defaultValues: initial });
  const { register, formState, setValue } = form;
  return (
    <LicenceChangeDialog
      form={form}
      defaults={initial}
      trigger="Renew"
      title="Renew the licence"
      description={`The new term starts when the current one ends, on ${formatDate(defaults.currentExpiry)}. A running CLASSOUND service moves with it, and its next term is charged.`}
      confirmLabel="Confirm the renewal"
      done="Licence renewed"
    >
      <FormField label="Plan" error={formState.errors.licensePlan?.message}>
        {(field) => (
          <Select
            {...field}
            {...register("licensePlan", {
              // A new plan suggests the end of one of its periods; the partner may still change it.
              onChange: (event) =>
                setValue("termEnd", defaults.renewalEnds[(event.target.value || plan) as typeof plan]),
            })}
          >
            <option value="">Keep the {LICENSE_PLAN_LABEL[licensePlan]!.toLowerCase()} plan</option>
            {RECURRING_PLANS.filter((p) => p !== licensePlan).map((p) => (
              <option key={p} value={p}>
                {LICENSE_PLAN_LABEL[p]}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField
        label="New term end"
        required
        hint="One period of the plan from the current expiry, unless you change it."
        error={formState.errors.termEnd?.message}
      >
        {(field) => <Input {...field} {...register("termEnd")} type="date" min={defaults.currentExpiry} />}
      </FormField>
    </LicenceChangeDialog>
  );
}

function UsersDialog({ pbxId, users, defaults }: LicenceFormsProps) {
  const initial: TUsersChangeInput = {
    kind: "users",
    pbxId,
    from: defaults.today,
    basic: String(users.basic),
    essential: String(users.essential),
    business: String(users.business),
    premium: String(users.premium),
  };
  const form = useForm({ resolver: zodResolver(ZUsersChange), defaultValues: initial });
  const { register, formState } = form;
  return (
    <LicenceChangeDialog
      form={form}
      defaults={initial}
      trigger="Change users"
      title="Change the users"
      description="Users added mid-term are charged for the rest of the term, the whole PBX at its new band. Users removed are not refunded."
      confirmLabel="Confirm the users"
      done="Users changed"
    >
      <LicenceLevelFields register={register} errors={formState.errors} />
      <FormField
        label="In force from"
        required
        hint="Today, or an earlier day of the current term."
        error={formState.errors.from?.message}
        className="sm:max-w-xs"
      >
        {(field) => <Input {...field} {...register("from")} type="date" max={defaults.today} />}
      </FormField>
    </LicenceChangeDialog>
  );
}

function PlanDialog({ pbxId, licensePlan, licensing, defaults }: LicenceFormsProps) {
  const initial: TPlanChangeInput = {
    kind: "plan",
    pbxId,
    licensePlan,
    licensing,
    termStart: licensePlan === "LIFETIME" ? defaults.today : "",
    termEnd: "",
  };
  const form = useForm({ resolver: zodResolver(ZPlanChange), defaultValues: initial });
  const { register, formState, control } = form;
  const target = useWatch({ control, name: "licensePlan" });
  // Only a PBX leaving a lifetime licence needs a term: a plan that renews keeps the current one.
  const needsTerm = licensePlan === "LIFETIME" && target !== "LIFETIME";
  return (
    <LicenceChangeDialog
      form={form}
      defaults={initial}
      trigger="Change plan"
      title="Change the plan or licensing"
      description="A plan change keeps the current term and raises no charge; the new plan is priced from its next renewal."
      confirmLabel="Confirm the change"
      done="Plan changed"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Plan" required error={formState.errors.licensePlan?.message}>
          {(field) => (
            <Select {...field} {...register("licensePlan")}>
              {LICENCE_PLANS.map((p) => (
                <option key={p} value={p}>
                  {LICENSE_PLAN_LABEL[p]}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField label="Licensing" required error={formState.errors.licensing?.message}>
          {(field) => (
            <Select {...field} {...register("licensing")}>
              {LICENSINGS.map((l) => (
                <option key={l} value={l}>
                  {LICENSING_LABEL[l]}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        {needsTerm && (
          <>
            <FormField label="Term start" required error={formState.errors.termStart?.message}>
              {(field) => <Input {...field} {...register("termStart")} type="date" />}
            </FormField>
            <FormField label="Term end" required error={formState.errors.termEnd?.message}>
              {(field) => <Input {...field} {...register("termEnd")} type="date" />}
            </FormField>
          </>
        )}
      </div>
    </LicenceChangeDialog>
  );
}

function SoftwareDialog({ pbxId, softwareVersion }: LicenceFormsProps) {
  const initial: TSoftwareUpdateInput = { kind: "software", pbxId, softwareVersion };
  const form = useForm({ resolver: zodResolver(ZSoftwareUpdate), defaultValues: initial });
  const { register, formState } = form;
  return (
    <LicenceChangeDialog
      form={form}
      defaults={initial}
      trigger="Update software"
      title="Record a software update"
      description={`The version the PBX now reports. CLASSOUND needs ${MINIMUM_PBX_VERSION} or later to be activated.`}
      confirmLabel="Confirm the version"
      done="Software version recorded"
    >
      <FormField
        label="Software version"
        required
        hint="As the PBX reports it, e.g. 6.01.20240310.2."
        error={formState.errors.softwareVersion?.message}
      >
        {(field) => (
          <Input {...field} {...register("softwareVersion")} autoComplete="off" maxLength={40} className="font-mono" />
        )}
      </FormField>
    </LicenceChangeDialog>
  );
}
