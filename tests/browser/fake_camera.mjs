// Fake camera footage for the scanner tests: a QR code (qrencode) composed into short, low-rate
// y4m clips (ffmpeg) that Chromium plays as its camera with --use-file-for-fake-video-capture.
// Generated at test time into a temporary directory; never committed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function mediaDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'motcua-camera-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// A PNG of `text` as a QR code: `scale` pixels per module, a 4-module quiet zone.
export function qrPng(dir, name, text, scale = 8) {
  const file = path.join(dir, `${name}.png`);
  execFileSync('qrencode', ['-o', file, '-s', String(scale), '-m', '4', text]);
  return file;
}

function ffmpeg(args) {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
}

// variant 'clean': the code upright on a white 640×480 frame.
// variant 'rough': 1280×720, the code rotated by 20°, slightly small, on grey paper with a
// lighting gradient, Gaussian blur and per-frame sensor noise.
export function cameraClip(dir, name, text, variant = 'clean') {
  const out = path.join(dir, `${name}.y4m`);
  if (variant === 'clean') {
    const png = qrPng(dir, name, text, 8);
    ffmpeg(['-f', 'lavfi', '-i', 'color=c=white:s=640x480:r=10', '-i', png, '-filter_complex',
      '[0][1]overlay=(W-w)/2:(H-h)/2,format=yuv420p', '-t', '1', '-pix_fmt', 'yuv420p', out]);
  } else {
    const png = qrPng(dir, name, text, 6);
    const a = '20*PI/180';
    ffmpeg(['-f', 'lavfi', '-i', 'color=c=0xd8d4cc:s=1280x720:r=10', '-i', png, '-filter_complex',
      `[1]format=rgba,rotate=${a}:c=0xd8d4cc:ow=rotw(${a}):oh=roth(${a})[q];` +
      '[0][q]overlay=(W-w)/2+120:(H-h)/2+30,' +
      "geq=lum='lum(X,Y)*(0.75+0.25*X/W)':cb='cb(X,Y)':cr='cr(X,Y)'," +
      'gblur=sigma=1.6,noise=alls=14:allf=t,format=yuv420p',
      '-t', '1', '-pix_fmt', 'yuv420p', out]);
  }
  return out;
}

// A still photo of a receipt code (JPEG, like a phone camera's), for the photo picker.
export function photoJpeg(dir, name, text) {
  const png = qrPng(dir, name, text, 10);
  const out = path.join(dir, `${name}.jpg`);
  ffmpeg(['-f', 'lavfi', '-i', 'color=c=0xf2efe8:s=1600x1200', '-i', png, '-filter_complex',
    '[0][1]overlay=(W-w)/2-200:(H-h)/2+100,gblur=sigma=1', '-frames:v', '1', '-q:v', '4', out]);
  return out;
}

export function fakeCameraArgs(y4m) {
  return ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${y4m}`];
}
