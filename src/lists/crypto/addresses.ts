/**
 * Lists of sanctioned digital currency addresses, one asset per file, as plain lines or a JSON
 * array (`sanctioned_addresses_XBT.txt` / `.json`, extracted from OFAC's advanced XML). The asset
 * is taken from the file name; the same address in the .txt and .json of one asset is one record.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { ListFormatError } from "../../errors.ts";
import { EntityBuilder } from "../../model/builder.ts";
import { makeId } from "../../model/ids.ts";
import type { ListReader, ReadOptions, SourceRecord } from "../types.ts";

const FORMAT = "crypto-addresses";
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const ADDRESS = /^[A-Za-z0-9:]{20,120}$/;
const CURRENCY_FIXES: Record<string, string> = { XBT: "BTC" };

export const cryptoAddressReader: ListReader = {
  format: FORMAT,
  defaultDataset: () => "us_ofac_crypto",
  // The same address may come from the .txt and .json of an asset and from several assets.
  mergesRepeatedRecords: true,
  async *read(files: string[], options: ReadOptions): AsyncIterable<SourceRecord> {
    const seen = new Set<string>();
    let bytesDone = 0;
    for (const file of files) {
      const currency = currencyOf(file);
      const info = await stat(file);
      if (info.size === 0) throw new ListFormatError(FORMAT, { file, offset: 0 }, "file is empty");
      if (info.size > MAX_FILE_BYTES)
        throw new ListFormatError(FORMAT, { file }, "file larger than 64 MB");
      for (const { address } of parseAddresses(file, await readFile(file, "utf8"))) {
        // One record per address: the same address listed under two assets (USDT and ETH) is one wallet.
        const sourceId = address;
        const key = `${currency}:${address}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const wallet = new EntityBuilder("CryptoWallet", makeId("ofac-wallet", address))
          .add("publicKey", address)
          .add("currencySymbol", CURRENCY_FIXES[currency] ?? currency)
          .add("topics", "sanction")
          .build();
        yield {
          sourceId,
          raw: { currency, address, file: path.basename(file) },
          entities: [wallet],
        };
      }
      bytesDone += info.size;
      options.onProgress?.(bytesDone);
    }
  },
};

function currencyOf(file: string): string {
  const match = /_([A-Za-z0-9]+)\.(json|txt)$/i.exec(path.basename(file));
  return match ? match[1]!.toUpperCase() : "UNKNOWN";
}

function parseAddresses(file: string, text: string): Array<{ address: string; line: number }> {
  const trimmed = text.trim();
  let items: Array<{ value: unknown; line: number }>;
  if (trimmed.startsWith("[")) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      throw new ListFormatError(FORMAT, { file }, `invalid JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(data))
      throw new ListFormatError(FORMAT, { file }, "expected a JSON array of addresses");
    items = data.map((value, i) => ({ value, line: i + 1 }));
  } else {
    items = text
      .split(/\r?\n/)
      .map((value, i) => ({ value: value.trim(), line: i + 1 }))
      .filter((item) => item.value !== "");
  }
  return items.map(({ value, line }) => {
    if (typeof value !== "string" || !ADDRESS.test(value)) {
      throw new ListFormatError(
        FORMAT,
        { file, line },
        `not a digital currency address: ${JSON.stringify(value).slice(0, 60)}`,
      );
    }
    return { address: value, line };
  });
}
