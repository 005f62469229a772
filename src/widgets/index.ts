// The one door lessons use to reach interactive pieces: `import { Quiz } from '../../src/widgets';`
// Widget owners add their export lines here (one widget folder per line).
export { Quiz } from '../components/quiz';
export { default as FullWidth } from '../components/FullWidth.astro';
export { default as TrafficVsFleet } from '../components/illustrations/TrafficVsFleet.astro';
export { default as SimulationPlayer } from './simulation-player/SimulationPlayer.astro';
export { default as FunctionConsole } from './function-console/FunctionConsole.astro';
export { default as Challenge } from './challenge/Challenge.astro';
export { default as ServiceMap } from './service-map/ServiceMap.astro';
export { default as ServiceSort } from './service-sort/ServiceSort.astro';
export { default as EventExplorer } from './event-explorer/EventExplorer.astro';
export { default as RuntimeLoop } from './runtime-loop/RuntimeLoop.astro';
export { default as BootstrapExercise } from './bootstrap-exercise/BootstrapExercise.astro';
export { default as LifecycleChart } from './lifecycle-chart/LifecycleChart.astro';
export { default as PowerTuning } from './power-tuning/PowerTuning.astro';
export { default as MetricsDashboard } from './metrics-dashboard/MetricsDashboard.astro';
export { default as RecursionLoop } from './recursion-loop/RecursionLoop.astro';
