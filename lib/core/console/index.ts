/** AWS console federation (AWS-FACTS §1.4): destination → getSigninToken → login URL. */
export { consoleDestination, CONSOLE_SERVICE, type ConsoleDestinationInput } from './destination';
export {
  DEFAULT_FEDERATION_TIMEOUT_MS,
  fetchConsoleLoginUrl,
  type FetchLoginUrlInput,
} from './fetch-login-url';
export {
  buildGetSigninTokenRequest,
  buildLoginUrl,
  httpUrl,
  parseSigninTokenResponse,
  type LoginUrlInput,
  type SigninTokenRequestInput,
} from './signin-url';
