/** AwardExcellenceSeal takes nothing but the path (certificate number minted, decider's facts looked up). */
export class AwardExcellenceSealDto {}
