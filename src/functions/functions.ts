/**
 * Entry of the custom-functions bundle (dist/functions.js). The stand-in runtime comes first so
 * that the generated `CustomFunctions.associate` calls appended to each file below work outside
 * Excel too. The files listed here are the ones webpack.config.js hands to the metadata plugin.
 */
import "./runtime";
import "./options";
import "./impliedVol";
import "./condor";
import "./hedge";
import "./vixHedge";
import "./stress";
import "./signals";
import "./chain";
import "./governance";
import "./time";
import "./timeShift";
