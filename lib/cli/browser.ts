/**
 * Opens a URL in the user's browser when one is available, and never fails: the caller always
 * prints the URL as well. On Linux only with a graphical session, so xdg-open never falls back to
 * a text browser that would take over the terminal.
 */

function command(platform: NodeJS.Platform, hasDisplay: boolean): [string, string[]] | undefined {
  if (platform === 'darwin') return ['open', []];
  // rundll32 instead of `cmd /c start`: cmd would interpret `&` and `^` in the URL.
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler']];
  return hasDisplay ? ['xdg-open', []] : undefined;
}

/** Only absolute http(s) URLs: a server-supplied value must not become a file path or option. */
function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export async function openInBrowser(
  url: string,
  platform: NodeJS.Platform,
  hasDisplay: boolean,
): Promise<boolean> {
  const cmd = command(platform, hasDisplay);
  if (!cmd || !isWebUrl(url)) return false;
  const { spawn } = await import('node:child_process');
  try {
    const child = spawn(cmd[0], [...cmd[1], url], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined); // e.g. xdg-open not installed: the URL is printed anyway
    child.unref();
    return true;
  } catch {
    return false;
  }
}
