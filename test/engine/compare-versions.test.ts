import { describe, expect, it } from 'vitest';
import { compareVersions, imageTag, isValidVersion } from '../../src/versions/compare-versions.js';

describe('compareVersions', () => {
  it.each([
    // The Alibaba flannel tags of the ACK document: numeric parts compare as numbers.
    ['v0.15.1.11-7e95fe23-aliyun', 'v0.15.1.4-e02c8f12-aliyun', 1],
    ['v0.15.1.4-e02c8f12-aliyun', 'v0.15.1.4-e02c8f12-aliyun', 0],
    ['v0.13.0.2-466064b-aliyun', 'v0.15.1.4-e02c8f12-aliyun', -1],
    ['v0.15.1.22-20a397e6-aliyun', 'v0.15.1.11-7e95fe23-aliyun', 1],
    // Kubernetes versions with vendor suffixes; missing parts are zero.
    ['v1.18.8-aliyun.1', '1.20', -1],
    ['v1.20.4-aliyun.1', 'v1.20.4', 0],
    ['1.16', 'v1.16.0', 0],
    ['v1.2.0', 'v1.2', 0],
    ['v1.11.2', 'v1.11.10', -1],
    // Pre-releases sort before the release.
    ['v1.16.0-beta.1', 'v1.16.0', -1],
    ['v1.16.0-rc.2', 'v1.16.0-rc.10', -1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
    expect(compareVersions(b, a)).toBe(-expected || 0);
  });

  it('rejects what is not a version with a typed error', () => {
    expect(isValidVersion('latest')).toBe(false);
    expect(() => compareVersions('latest', 'v1')).toThrow(expect.objectContaining({ name: 'ParseError', code: 'invalid-version' }));
  });

  it('reads the tag of an image reference', () => {
    expect(imageTag('registry-vpc.cn-hangzhou.aliyuncs.com/acs/flannel:v0.15.1.4-e02c8f12-aliyun')).toBe('v0.15.1.4-e02c8f12-aliyun');
    expect(imageTag('localhost:5000/flannel')).toBeUndefined();
    expect(imageTag('quay.io/coreos/flannel:v0.12.0@sha256:abc')).toBe('v0.12.0');
  });
});
