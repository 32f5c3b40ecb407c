/** CloseFinding takes nothing but the path: any field sent is rejected (400). */
export class CloseFindingDto {}
