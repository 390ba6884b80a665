/**
 * The competitions this tool can score. A new competition is a new entry in
 * COMPETITIONS (its classes, risk groups and score weights), not a rewrite.
 */
import { InputError } from "../util/errors.js";

export type RiskCategory = "high_risk" | "medium_risk" | "benign";

export interface CompetitionClass {
  /** The label as it must appear in the CSV (case-sensitive). */
  readonly short: string;
  readonly name: string;
  readonly risk: RiskCategory;
}

export interface Competition {
  readonly id: string;
  /** In model output order: output index i is classes[i]. */
  readonly classes: readonly CompetitionClass[];
  /** Weight of each risk category in weighted F1, in the order the validator sums them. */
  readonly riskWeights: readonly (readonly [RiskCategory, number])[];
  /** Body locations, encoded as their 1-based position. */
  readonly locations: readonly string[];
  /** Side of the square image every model first receives. */
  readonly imageSize: number;
  /** Validators cancel the evaluation above this many invalid fields. */
  readonly maxInvalidFields: number;
  readonly ageRange: readonly [number, number];
  /** Efficiency falls linearly from 1 at `full` MiB to 0 at `zero` MiB. */
  readonly efficiencyMiB: { readonly full: number; readonly zero: number };
  /** score = accuracyAndF1 * (0.5 * accuracy + 0.5 * weighted_f1) + efficiency * efficiency_score */
  readonly scoreWeights: { readonly accuracyAndF1: number; readonly efficiency: number };
}

const TRICORDER_CLASSES: readonly CompetitionClass[] = [
  { short: "AKIEC", name: "Actinic keratosis / intraepidermal carcinoma", risk: "medium_risk" },
  { short: "BCC", name: "Basal cell carcinoma", risk: "high_risk" },
  { short: "BEN_OTH", name: "Other benign proliferations incl. collisions", risk: "benign" },
  { short: "BKL", name: "Benign keratinocytic lesion", risk: "medium_risk" },
  { short: "DF", name: "Dermatofibroma", risk: "benign" },
  { short: "INF", name: "Inflammatory and infectious", risk: "benign" },
  { short: "MAL_OTH", name: "Other malignant proliferations incl. collisions", risk: "high_risk" },
  { short: "MEL", name: "Melanoma", risk: "high_risk" },
  { short: "NV", name: "Melanocytic nevus", risk: "benign" },
  { short: "SCCKA", name: "Squamous cell carcinoma / keratoacanthoma", risk: "high_risk" },
  { short: "VASC", name: "Vascular lesions and hemorrhage", risk: "medium_risk" },
];

export const COMPETITIONS: ReadonlyMap<string, Competition> = new Map([
  [
    "tricorder-3",
    {
      id: "tricorder-3",
      classes: TRICORDER_CLASSES,
      riskWeights: [
        ["high_risk", 3],
        ["medium_risk", 2],
        ["benign", 1],
      ],
      locations: ["arm", "feet", "genitalia", "hand", "head", "leg", "torso"],
      imageSize: 512,
      maxInvalidFields: 2,
      ageRange: [0, 120],
      efficiencyMiB: { full: 50, zero: 150 },
      scoreWeights: { accuracyAndF1: 0.9, efficiency: 0.1 },
    },
  ],
]);

export const DEFAULT_COMPETITION = "tricorder-3";

export function getCompetition(id: string): Competition {
  const competition = COMPETITIONS.get(id);
  if (!competition) {
    throw new InputError(`unknown competition "${id}"; known competitions: ${[...COMPETITIONS.keys()].join(", ")}`);
  }
  return competition;
}

/** Per-class weight by risk, as validators report it in `class_weights`. */
export function classWeights(competition: Competition): number[] {
  const weight = new Map(competition.riskWeights);
  return competition.classes.map((c) => weight.get(c.risk) ?? 0);
}
