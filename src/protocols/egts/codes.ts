/**
 * The numeric codes of EGTS (GOST 33465-2015 section 5-6 and appendix V; the telematics service as in Order
 * No. 285 of the Ministry of Transport of Russia, 31.07.2012, restated in GOST 33472): packet types, service
 * types, subrecord types, processing result codes and the protocol's time origin.
 */

/** Transport packet types (PT). */
export const PT_RESPONSE = 0;
export const PT_APPDATA = 1;
export const PT_SIGNED_APPDATA = 2;

/** Service types (SST, RST). */
export const AUTH_SERVICE = 1;
export const TELEDATA_SERVICE = 2;
export const COMMANDS_SERVICE = 4;

/** Subrecord type 0 is reserved in every service for the record confirmation. */
export const SR_RECORD_RESPONSE = 0;

/** Subrecords of the authentication service. */
export const SR_TERM_IDENTITY = 1;
export const SR_RESULT_CODE = 9;

/** Subrecords of the telematics service (Order 285 numbering: 20 is the terminal state there). */
export const SR_POS_DATA = 16;
export const SR_EXT_POS_DATA = 17;
export const SR_AD_SENSORS_DATA = 18;
export const SR_COUNTERS_DATA = 19;
export const SR_STATE_DATA = 20;

/** Processing result codes (appendix V of GOST 33465), used in PR, RST of a record response and RCD. */
export const PC_OK = 0;
export const PC_IN_PROGRESS = 1;
export const PC_UNS_PROTOCOL = 128;
export const PC_DECRYPT_ERROR = 129;
export const PC_PROC_DENIED = 130;
export const PC_INC_HEADERFORM = 131;
export const PC_INC_DATAFORM = 132;
export const PC_UNS_TYPE = 133;
export const PC_HEADERCRC_ERROR = 137;
export const PC_DATACRC_ERROR = 138;
export const PC_INVDATALEN = 139;
export const PC_OBJ_NFOUND = 146;
export const PC_AUTH_DENIED = 151;
export const PC_ID_NFOUND = 153;

/** EGTS times (NTM, TM) count seconds from 2010-01-01 00:00:00 UTC. */
export const EGTS_EPOCH_MS = Date.UTC(2010, 0, 1);
