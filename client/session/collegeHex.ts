/** Screen colours of the collèges: one table, shared with the server, which stamps cursor colours. */
export { COLLEGE_HEX as collegeHex } from '../../shared/roles.js';
