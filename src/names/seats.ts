/**
 * A company's seat written after its name in brackets, where the seat tells a namesake apart:
 * "Seohae Shipping Co., Ltd. (Incheon)" is a South Korean company, not the DPRK's Korea Sohae
 * Shipping Company. Only South Korean seats are read, because DPRK bodies and their South Korean
 * namesakes share their Korean words (Sohae, Kangsong, Sungri) and lists of DPRK bodies never
 * write such a seat; a country in brackets ("(Iran)") is a country lists add or drop.
 */
import { foldName } from "./normalize.ts";

const SOUTH_KOREAN_SEATS = new Set(
  `seoul busan pusan incheon inchon ulsan daegu taegu daejeon taejon gwangju kwangju suwon
  changwon pohang geoje koje gunsan kunsan mokpo yeosu yosu pyeongtaek gimhae jeju cheju
  seongnam goyang yongin bucheon ansan anyang jeonju cheongju masan jinhae tongyeong
  south-korea rok republic-of-korea`
    .split(/\s+/)
    .filter(Boolean)
    .map((seat) => seat.replace(/-/g, " ")),
);

/** The South Korean seat in a name's trailing brackets, folded, or "". */
export function seatOf(name: string): string {
  const match = /\(([^()]{2,30})\)\s*$/.exec(name);
  if (!match) return "";
  const seat = foldName(match[1]!)
    .replace(/[^a-z ]+/g, " ")
    .trim()
    .replace(/\s+/g, " ");
  return SOUTH_KOREAN_SEATS.has(seat) ? seat : "";
}

/**
 * Whether a seat on one side says the names are two bodies: the other side names no seat and
 * does not carry that city in its name (Busan Bank is seated in Busan).
 */
export function seatsDiffer(
  seatA: string,
  tokensA: string[],
  seatB: string,
  tokensB: string[],
): boolean {
  if (seatA === seatB) return false;
  if (seatA && seatB) return true;
  const [seat, other] = seatA ? [seatA, tokensB] : [seatB, tokensA];
  return !seat.split(" ").every((word) => other.includes(word));
}
