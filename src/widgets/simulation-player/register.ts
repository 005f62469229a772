// Registers <lambda-simulation-player> (imported by the Astro shell and the embed route).
import { defineSimulationPlayer } from './element';

defineSimulationPlayer();
