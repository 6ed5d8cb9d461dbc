/** IMPLIED_VOL (to come). */
export {};
