"use client";

import type { FieldErrors, FieldValues, Path, UseFormRegister } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { LICENSE_TYPE_LABEL } from "@/lib/format";
import { LEVEL_TYPE, LICENCE_LEVELS, MAX_USERS_PER_LEVEL, type TLicenceLevel } from "@/lib/pbx/schemas";

/** Users per licence level (R4 counts them all), each a whole number with its own error: registration and the users change share it. */
export function LicenceLevelFields<T extends FieldValues & Record<TLicenceLevel, unknown>>({
  register,
  errors,
}: {
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
}) {
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-foreground">Users by licence level</legend>
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {LICENCE_LEVELS.map((level) => (
          <FormField
            key={level}
            label={LICENSE_TYPE_LABEL[LEVEL_TYPE[level]]}
            required
            error={errors[level]?.message as string | undefined}
          >
            {(field) => (
              <Input
                {...field}
                {...register(level as Path<T>)}
                type="number"
                inputMode="numeric"
                min={0}
                max={MAX_USERS_PER_LEVEL}
                step={1}
              />
            )}
          </FormField>
        ))}
      </div>
    </fieldset>
  );
}
