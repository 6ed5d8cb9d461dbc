/** Custom functions of SPEC.md's hedge section (to come). */
export {};
