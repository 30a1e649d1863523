import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { makeTempDir, writeTree } from '../support/run-bin.js';
import { change, checkTree, of, PERSONA, TODAY } from './helpers.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const GIF = new TextEncoder().encode('GIF89a\u0001\u0000\u0001\u0000');
const WEBP = new TextEncoder().encode('RIFF\u0024\u0000\u0000\u0000WEBPVP8 ');

const withPicture = (picture: string) =>
  change(PERSONA, 'name: Finance Fiona\n', `name: Finance Fiona\npicture: ${JSON.stringify(picture)}\n`);

async function pictureFindings(picture: string, extra: Record<string, string | Uint8Array> = {}): Promise<string[]> {
  const { diagnostics } = await checkTree(
    { 'ws/personakit.yaml': 'name: t\n', 'ws/personas/p.yaml': withPicture(picture), ...extra },
    { paths: ['ws'] },
  );
  return of(diagnostics, 'picture-invalid');
}

describe('picture-invalid', () => {
  it.each([
    ['images/a.png', { 'ws/personas/images/a.png': PNG }],
    ['images/a.jpg', { 'ws/personas/images/a.jpg': JPEG }],
    ['a.gif', { 'ws/personas/a.gif': GIF }],
    ['../pictures/a.webp', { 'ws/pictures/a.webp': WEBP }],
    ['images/named-wrongly.txt', { 'ws/personas/images/named-wrongly.txt': PNG }],
    ['https://example.com/fiona.jpg', {}],
  ])('accepts %s (judged by content; https is never fetched)', async (picture, files) => {
    expect(await pictureFindings(picture, files)).toEqual([]);
  });

  it.each([
    [
      'images/missing.png',
      {},
      'does not exist (looked for personas/images/missing.png in the workspace); add the image or fix the path',
    ],
    ['http://example.com/a.png', {}, 'uses http; use an https URL or an image file in the workspace'],
    ['file:///etc/passwd', {}, 'is a file: URL; use a path relative to the persona file, or an https URL'],
    ['/etc/hosts', {}, 'is an absolute path; use a path relative to the persona file, or an https URL'],
    [
      'data:image/png;base64,AAAA',
      {},
      'is not a relative path or an https URL; use a path relative to the persona file, or an https URL',
    ],
    ['../../outside.png', { 'outside.png': PNG }, 'is outside the workspace; keep pictures inside the workspace'],
    [
      'fake.png',
      { 'ws/personas/fake.png': 'not an image\n' },
      'is not a PNG, JPEG, GIF or WebP image (judged by its content, not its name); convert it to one of these',
    ],
    ['images', { 'ws/personas/images/a.png': PNG }, 'is not a file; point it at an image file'],
  ])('reports %s at the picture field', async (picture, files, problem) => {
    expect(await pictureFindings(picture, files)).toEqual([`ws/personas/p.yaml:4:10 picture "${picture}" ${problem}`]);
  });

  it('reports a symbolic link that leads out of the workspace', async () => {
    const dir = await writeTree(await makeTempDir(), {
      'secret.png': PNG,
      'ws/personakit.yaml': 'name: t\n',
      'ws/p.yaml': withPicture('link.png'),
    });
    await symlink(path.join(dir, 'secret.png'), path.join(dir, 'ws', 'link.png'));
    const { diagnostics } = await lint({ mode: 'check', cwd: path.join(dir, 'ws'), paths: [], today: TODAY });
    expect(of(diagnostics, 'picture-invalid')).toEqual([
      'p.yaml:4:10 picture "link.png" leads outside the workspace through a symbolic link; keep pictures inside the workspace',
    ]);
  });

  it("without a workspace, keeps pictures inside the persona file's folder tree", async () => {
    const dir = await makeTempDir();
    await mkdir(path.join(dir, 'team', 'img'), { recursive: true });
    await writeFile(path.join(dir, 'up.png'), PNG);
    await writeFile(path.join(dir, 'team', 'img', 'in.png'), PNG);
    await writeFile(path.join(dir, 'team', 'a.yaml'), withPicture('img/in.png'));
    await writeFile(path.join(dir, 'team', 'b.yaml'), change(withPicture('../up.png'), 'id: fiona', 'id: bea'));
    const { diagnostics } = await lint({ mode: 'check', cwd: dir, paths: ['team'], today: TODAY });
    expect(of(diagnostics, 'picture-invalid')).toEqual([
      `team/b.yaml:4:10 picture "../up.png" is outside the persona file's folder; keep pictures inside the persona file's folder`,
    ]);
  });
});
