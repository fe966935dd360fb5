/** Whether a higher or a lower value is better; `none` for a central measure that is followed without a goal. */
export type IndicatorDirection = 'higher' | 'lower' | 'none';
