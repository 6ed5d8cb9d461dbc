/** Custom functions of SPEC.md's signals section (to come). */
export {};
