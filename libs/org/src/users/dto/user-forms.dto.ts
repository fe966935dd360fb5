import { Role, ROLES, toInt } from '@arshjulet/core';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/**
 * The administration pages' forms, as a browser posts them (all strings). Every message is Swedish: it is shown
 * next to its field. Which roles exist and which need a delregion is checked by the user service, as for the API.
 */
export class InviteUserFormDto {
  @Transform(trim)
  @IsString({ message: 'Ange ett namn.' })
  @IsNotEmpty({ message: 'Ange ett namn.' })
  @MaxLength(200, { message: 'Namnet får vara högst 200 tecken.' })
  name = '';

  @Transform(trim)
  @IsString({ message: 'Ange en e-postadress.' })
  @IsNotEmpty({ message: 'Ange en e-postadress.' })
  @IsEmail({}, { message: 'Ange en giltig e-postadress, till exempel anna.andersson@vgregion.se.' })
  @MaxLength(320, { message: 'E-postadressen får vara högst 320 tecken.' })
  email = '';

  @IsIn(ROLES, { message: 'Välj en roll.' })
  role = '' as Role;

  @IsOptional()
  @IsString({ message: 'Välj en delregion.' })
  @MaxLength(32, { message: 'Välj en delregion.' })
  delregion?: string;
}

/** Forms on one user's page carry the version the page showed: a change made meanwhile is refused, not overwritten. */
export class UserVersionFormDto {
  @Transform(toInt)
  @IsInt({ message: 'Sidan var inaktuell. Läs in den igen och försök på nytt.' })
  @Min(1, { message: 'Sidan var inaktuell. Läs in den igen och försök på nytt.' })
  version = 0;
}

export class AddRoleFormDto extends UserVersionFormDto {
  @IsIn(ROLES, { message: 'Välj en roll.' })
  role = '' as Role;

  @IsOptional()
  @IsString({ message: 'Välj en delregion.' })
  @MaxLength(32, { message: 'Välj en delregion.' })
  delregion?: string;
}
