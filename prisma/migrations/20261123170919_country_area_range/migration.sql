-- A country's call-termination area (R5) is one of Areas 1-6, like the areas a price list prices:
-- Prisma's schema language cannot state it, so it is a CHECK written by hand.
ALTER TABLE "Country" ADD CONSTRAINT "Country_callTerminationArea_1_to_6" CHECK ("callTerminationArea" BETWEEN 1 AND 6);
