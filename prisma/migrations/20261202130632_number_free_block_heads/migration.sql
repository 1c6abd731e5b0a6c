-- CreateIndex
CREATE INDEX "PhoneNumber_free_head10_idx" ON "PhoneNumber"("countryCode", "type", "e164") WHERE (status = 'AVAILABLE' AND right(e164, 1) = '0');

-- CreateIndex
CREATE INDEX "PhoneNumber_free_head100_idx" ON "PhoneNumber"("countryCode", "type", "e164") WHERE (status = 'AVAILABLE' AND right(e164, 2) = '00');
