import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { buildIcns, buildIco } from './icon-formats.ts';

// Makes the app icons in build/ from build/icon.svg, drawn by Chromium (the one the e2e tests
// use: CHROMIUM_PATH): icon.png (1024 px, Linux and electron-builder's default), icon.ico
// (Windows: 16–256 px) and icon.icns (macOS: 128–1024 px). Run after changing the SVG:
//   node scripts/make-icons.ts

const buildDir = resolve(import.meta.dirname, '..', 'build');
const svg = readFileSync(join(buildDir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });

async function render(size: number): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
  await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return png;
}

try {
  const png = new Map<number, Buffer>();
  for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) png.set(size, await render(size));
  const at = (size: number): Buffer => png.get(size) ?? Buffer.alloc(0);
  mkdirSync(buildDir, { recursive: true });
  writeFileSync(join(buildDir, 'icon.png'), at(1024));
  writeFileSync(join(buildDir, 'icon.ico'), buildIco([16, 24, 32, 48, 64, 128, 256].map(at)));
  writeFileSync(join(buildDir, 'icon.icns'), buildIcns([128, 256, 512, 1024].map(at)));
  console.log(`Icons written to ${buildDir}`);
} finally {
  await browser.close();
}
