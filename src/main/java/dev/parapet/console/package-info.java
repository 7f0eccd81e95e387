/**
 * The officers' and auditors' web console at {@code /console}: server-rendered Qute pages over the
 * same services the API calls (check, policy, audit through the app's beans), signed in with an API
 * key or a JWT kept in a server-side session behind an HttpOnly, SameSite=Strict cookie, and
 * checking the same roles as the API. Framework types are allowed here, as in api and app.
 */
package dev.parapet.console;
