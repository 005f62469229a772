// The two handlers the lesson tunes. The CPU-bound one burns 200 ms of single-threaded CPU work
// at one vCPU (lambda-lab:cpu, F28); the I/O-bound one waits on an HTTP call and computes almost nothing.

export const CPU_BOUND_HANDLER = `import { burnCpu } from 'lambda-lab:cpu';

export const handler = async () => {
  burnCpu(200); // 200 ms of work at one full vCPU
  return { resized: true };
};
`;

export const IO_BOUND_HANDLER = `import { get } from 'lambda-lab:http';

export const handler = async () => {
  const res = await get('https://api.example.com/prices'); // waits about 80 ms
  return { status: res.status };
};
`;
