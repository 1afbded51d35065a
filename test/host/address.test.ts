import { chunkAddresses, parseAreas, parseRange, splitAreas } from "../../src/host/address";

test("RangeAreas addresses split at commas outside quoted sheet names", () => {
  expect(splitAreas("'a, b''c'!A1:B2, 'a, b''c'!D4")).toEqual(["'a, b''c'!A1:B2", "'a, b''c'!D4"]);
  expect(parseAreas("Sheet1!A1:B4, Sheet1!D1:D4")).toEqual([
    { top: 1, left: 1, bottom: 4, right: 2 },
    { top: 1, left: 4, bottom: 4, right: 4 },
  ]);
  expect(parseRange("'x!y'!$AA$10")).toEqual({ top: 10, left: 27, bottom: 10, right: 27 });
  expect(parseRange("Sheet1!1:3")).toBeUndefined(); // whole rows are not cell ranges
});

test("address lists are chunked under the limit, keeping every address once and in order", () => {
  const addresses = Array.from({ length: 5000 }, (_, i) => `XFD${1000000 + i}`);
  const chunks = chunkAddresses(addresses);
  expect(chunks.length).toBeGreaterThan(1);
  for (const chunk of chunks) expect(chunk.length).toBeLessThan(8192);
  expect(chunks.join(",").split(",")).toEqual(addresses);
  expect(chunkAddresses([])).toEqual([]);
});
