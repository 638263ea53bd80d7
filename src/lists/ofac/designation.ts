/**
 * One OFAC designation (from the legacy CSV set or sdn.xml) mapped to FtM: the party, its
 * sanction, its wallets, and "Linked To" relations to resolve by name.
 */
import { EntityBuilder } from "../../model/builder.ts";
import type { Entity } from "../../model/entity.ts";
import { hashId, makeId } from "../../model/ids.ts";
import type { PendingLink, SourceRecord } from "../types.ts";
import { parseRemarks } from "./remarks.ts";

export interface OfacAlias {
  type: "aka" | "fka" | "nka";
  name: string;
  weak?: boolean;
}

export interface OfacDesignation {
  entNum: string;
  name: string;
  /** `individual`, `vessel`, `aircraft`, or empty for entities. */
  sdnType: string;
  programs: string[];
  title?: string;
  callSign?: string;
  vesselType?: string;
  tonnage?: string;
  grossRegisteredTonnage?: string;
  vesselFlag?: string;
  vesselOwner?: string;
  remarks?: string;
  addresses: string[];
  addressCountries: string[];
  aliases: OfacAlias[];
  /** Facts sdn.xml gives as fields rather than remarks. */
  facts?: Array<{ prop: string; value: string }>;
  listName: string;
  raw: Record<string, unknown>;
}

const SCHEMA_BY_TYPE: Record<string, string> = {
  individual: "Person",
  vessel: "Vessel",
  aircraft: "Airplane",
  entity: "Organization",
  "": "Organization",
};

const WALLET_CURRENCY_FIXES: Record<string, string> = { XBT: "BTC" };

export function designationToRecord(d: OfacDesignation): SourceRecord {
  const schema = SCHEMA_BY_TYPE[d.sdnType.toLowerCase()] ?? "LegalEntity";
  const id = makeId("ofac", d.entNum);
  const party = new EntityBuilder(schema, id, { dateOrder: "dmy" });
  const entities: Entity[] = [];
  const links: PendingLink[] = [];
  const provisions: string[] = [];
  party.add("name", d.name);
  if (schema === "Person") addPersonNameParts(party, d.name);
  party.add("topics", "sanction");
  party.add("program", d.programs);
  party.add("address", d.addresses);
  party.add("country", d.addressCountries);
  if (schema === "Person") party.add("position", d.title);
  if (schema === "Vessel") {
    party.add("callSign", d.callSign).add("type", d.vesselType).add("flag", d.vesselFlag);
    party.add("tonnage", d.tonnage).add("grossRegisteredTonnage", d.grossRegisteredTonnage);
  }
  if (d.vesselOwner) links.push({ subject: id, objectName: d.vesselOwner, role: "Vessel owner" });
  for (const alias of d.aliases) {
    party.add(
      alias.type === "fka" ? "previousName" : alias.weak ? "weakAlias" : "alias",
      alias.name,
    );
  }
  const notes: string[] = [];
  for (const fact of [
    ...(d.facts ?? []).map((f) => ({ kind: "property" as const, ...f })),
    ...parseRemarks(d.remarks ?? ""),
  ]) {
    switch (fact.kind) {
      case "alias":
        party.add(fact.weight === "previous" ? "previousName" : "alias", fact.value);
        break;
      case "property":
        if (party.supports(fact.prop)) party.add(fact.prop, fact.value);
        else notes.push(`${fact.prop}: ${fact.value}`);
        break;
      case "wallet":
        entities.push(walletEntity(id, fact.currency, fact.address));
        break;
      case "link":
        links.push({ subject: id, objectName: fact.name, role: "Linked To" });
        break;
      case "provision":
        provisions.push(fact.value);
        break;
      case "note":
        notes.push(fact.value);
        break;
    }
  }
  party.add("notes", notes.join("; ") || undefined);
  const sanction = new EntityBuilder("Sanction", hashId("ofac-sanction", d.entNum))
    .add("entity", id)
    .add("authority", "Office of Foreign Assets Control")
    .add("country", "us")
    .add("program", d.programs)
    .add("provisions", provisions)
    .add("sourceUrl", "https://sanctionslist.ofac.treas.gov/")
    .add("authorityId", d.entNum)
    .add("description", d.listName);
  return {
    sourceId: d.entNum,
    raw: d.raw,
    entities: [party.build(), sanction.build(), ...entities],
    links,
  };
}

/** OFAC writes persons as "SURNAME, Given Names". */
function addPersonNameParts(party: EntityBuilder, name: string): void {
  const comma = name.indexOf(",");
  if (comma <= 0) return;
  party.add("lastName", name.slice(0, comma)).add("firstName", name.slice(comma + 1));
}

function walletEntity(holder: string, currency: string, address: string): Entity {
  return new EntityBuilder("CryptoWallet", makeId("ofac-wallet", address))
    .add("publicKey", address)
    .add("currencySymbol", WALLET_CURRENCY_FIXES[currency] ?? currency)
    .add("holder", holder)
    .add("topics", "sanction")
    .build();
}
