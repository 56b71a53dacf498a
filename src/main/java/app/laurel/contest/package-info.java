/**
 * Contests (活动): the call for entries with its organising bodies, dated phases and categories. Later issues add
 * entry types, quotas and set-up pages here.
 */
package app.laurel.contest;
