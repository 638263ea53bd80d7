/**
 * Where each dataset is published. URLs can be overridden per dataset with
 * MONEYTRAIL_URL_<DATASET> (the EU's file needs a personal token in its URL).
 */
import type { ListFormat } from "../types.ts";

export interface ListSource {
  dataset: string;
  format: ListFormat;
  url: string;
  /** File name used in the download folder and looked for in an offline folder. */
  fileName: string;
}

export const LIST_SOURCES: readonly ListSource[] = [
  {
    dataset: "us_ofac_sdn",
    format: "ofac-xml",
    url: "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML",
    fileName: "sdn.xml",
  },
  {
    dataset: "us_ofac_cons",
    format: "ofac-xml",
    url: "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONSOLIDATED.XML",
    fileName: "consolidated.xml",
  },
  {
    dataset: "un_sc_sanctions",
    format: "un-xml",
    url: "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
    fileName: "un_consolidated.xml",
  },
  {
    dataset: "eu_fsf",
    format: "eu-xml",
    url: "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw",
    fileName: "eu_fsf.xml",
  },
  {
    dataset: "gb_fcdo_sanctions",
    format: "uk-xml",
    url: "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml",
    fileName: "uk_sanctions_list.xml",
  },
  {
    dataset: "us_trade_csl",
    format: "csl-csv",
    url: "https://data.trade.gov/downloaded_files/consolidated.csv",
    fileName: "us_trade_csl.csv",
  },
];

export function sourceUrl(source: ListSource, overrides: Record<string, string>): string {
  return overrides[source.dataset] ?? source.url;
}

/** Whether a dataset name is one `lists update` imports: reserved for that official list. */
export function isOfficialDataset(name: string): boolean {
  return LIST_SOURCES.some((source) => source.dataset === name);
}
