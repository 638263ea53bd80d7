/**
 * Organisations that news about sanctions and illicit finance names without any word that says
 * "organisation" (Reuters, Interpol, Huawei, Hezbollah): news agencies and outlets, governments'
 * agencies known by one word, international bodies, banks, payment and crypto firms, and armed
 * groups. Names that are also everyday words (Circle, Wise, Apple, Amazon) are left out: at the
 * start of a sentence they would be taken for organisations. Written here because no offline
 * package ships such a list; the lists in the store add the designated ones (extract/gazetteer.ts).
 */
const KNOWN = `
Reuters; Associated Press; AP; AFP; Agence France-Presse; Bloomberg; Yonhap; KCNA; Korean Central
News Agency; Rodong Sinmun; Kyodo; Xinhua; TASS; Interfax; RIA Novosti; NHK; BBC; CNN; NPR; PBS;
Al Jazeera; Al-Jazeera; Guardian; The Guardian; Financial Times; Economist; The Economist; New York
Times; Washington Post; Wall Street Journal; Politico; Axios; Nikkei; Asahi; Mainichi; Yomiuri;
Chosun Ilbo; JoongAng Ilbo; Dong-A Ilbo; Hankyoreh; Korea Herald; Korea Times; Daily NK; NK News;
NK Pro; 38 North; Radio Free Asia; Voice of America; South China Morning Post; Caixin; Global Times;
Der Spiegel; Le Monde; Haaretz; ProPublica; OCCRP; ICIJ;
Treasury; Pentagon; Kremlin; White House; Congress; Senate; Parliament; Knesset; Duma; Bundestag;
Interpol; Europol; Eurojust; FinCEN; OFAC; FATF; Egmont Group; IMF; World Bank; WTO; WHO; IAEA;
NATO; ASEAN; OPEC; OECD; G7; G20; UNICEF; UNHCR; UNDP; Red Cross; Amnesty International; Human
Rights Watch; Transparency International; Global Witness; C4ADS; RUSI; Chatham House; Brookings;
CSIS; Stimson Center; Carnegie Endowment; RAND Corporation;
HSBC; Barclays; Citigroup; Citibank; Citi; JPMorgan; JPMorgan Chase; Goldman Sachs; Morgan Stanley;
Wells Fargo; UBS; Credit Suisse; Deutsche Bank; BNP Paribas; Societe Generale; Standard Chartered;
Santander; ING; Rabobank; Danske Bank; Nordea; Commerzbank; Raiffeisen; Sberbank; VTB; Gazprombank;
ICBC; Bank of China; China Construction Bank; Agricultural Bank of China; Bank of Communications;
China Merchants Bank; Mitsubishi UFJ; Mizuho; Sumitomo Mitsui; Nomura; Kookmin Bank; Shinhan;
Woori; Hana Bank; DBS; OCBC; Maybank; Emirates NBD; Banco Delta Asia;
Visa; Mastercard; American Express; PayPal; Western Union; MoneyGram; SWIFT; Alipay; WeChat Pay;
UnionPay; Revolut; Stripe;
Binance; Coinbase; Kraken; Bitfinex; Huobi; OKX; FTX; Tether; Chainalysis; Elliptic; TRM Labs;
Tornado Cash;
Samsung; Huawei; ZTE; Hyundai; Sony; Toyota; Mitsubishi; Google; Microsoft; Facebook; Twitter; Telegram; WhatsApp; Alibaba; Tencent; Baidu; Gazprom; Rosneft; Lukoil;
Glencore; Trafigura; Vitol; Maersk; COSCO; MSC; Lloyd's; Lloyd's List; Lloyd's List Intelligence;
Hezbollah; Hamas; Taliban; al-Qaeda; Al Qaeda; ISIS; ISIL; Islamic State; Houthis; Wagner;
Lazarus; Lazarus Group; Kimsuky; Andariel; Bluenoroff; APT38;
Chongryon; Chosen Soren; Mindan; Koryo Tours; Air Koryo
`;

let known: Set<string> | undefined;

/** Lower-cased names of well-known organisations. */
export function knownOrganisations(): Set<string> {
  known ??= new Set(
    KNOWN.split(";")
      .map((name) => name.replace(/\s+/g, " ").trim().toLowerCase())
      .filter(Boolean),
  );
  return known;
}
