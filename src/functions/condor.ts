/** Custom functions of SPEC.md's condor section (to come). */
export {};
